package io.quarry.repository.query.derived;

import io.quarry.mapping.EntityModel;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.MethodParameters;
import io.quarry.repository.query.ResultShape;
import io.quarry.repository.query.parse.PartTree;

/**
 * Start-up rules of scrolling methods: a {@code Window<T>} result and a {@code ScrollPosition}
 * parameter go together, on a find query. Stateless.
 */
final class ScrollRules {

    private ScrollRules() {
    }

    static void check(PartTree tree, MethodParameters parameters, ResultShape result, EntityModel<?> model) {
        boolean window = result.kind() == ResultShape.Kind.WINDOW;
        boolean position = parameters.scrollPosition() >= 0;
        String entity = model.type().getSimpleName();
        if (position && tree.verb() != PartTree.Verb.FIND) {
            throw new InvalidQueryMethodException("a ScrollPosition says where a find query's window starts; a "
                    + tree.verb().name().toLowerCase(java.util.Locale.ROOT) + " query reads no window. Remove it");
        }
        if (window && !position) {
            throw new InvalidQueryMethodException("it returns " + result.describe() + " but takes no ScrollPosition; "
                    + "add one (Window<" + entity + "> findFirst10By...(..., ScrollPosition position)) and pass "
                    + "ScrollPosition.keyset() or ScrollPosition.offset() for the first window");
        }
        if (position && !window) {
            throw new InvalidQueryMethodException("it takes a ScrollPosition but returns " + result.describe()
                    + "; a scrolling method returns Window<" + entity + ">, which hands out the position of each row");
        }
    }
}
