package io.quarry.mapping;

import io.quarry.MappingException;
import java.util.Collection;
import java.util.List;

/** Default naming (snake_case) and the "did you mean" hint used in error messages. Stateless. */
public final class Names {

    private Names() {
    }

    /**
     * {@code HostGroup} -> {@code host_group}, {@code ipAddr} -> {@code ip_addr},
     * {@code HTTPServer} -> {@code http_server}, {@code ip4Addr} -> {@code ip4_addr}.
     */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousIsLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean acronymEnds = i > 0 && i + 1 < name.length() && Character.isUpperCase(name.charAt(i - 1))
                        && Character.isLowerCase(name.charAt(i + 1));
                if (out.length() > 0 && out.charAt(out.length() - 1) != '_' && (previousIsLower || acronymEnds)) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Refuses a table, column or index name given in an annotation that holds anything but letters,
     * digits, {@code _} and {@code $} (or does not begin with a letter or {@code _}): such a name is
     * a mistake (a stray quote, parenthesis, semicolon or comment marker), never something to quote
     * and send. {@code where} names the annotation, e.g. {@code @Table(name = ...) on Host}.
     */
    public static String checkIdentifier(String name, String where) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = Character.isLetter(c) || c == '_' || i > 0 && (Character.isDigit(c) || c == '$');
            if (!allowed) {
                String what = Character.isWhitespace(c) ? "whitespace" : "'" + c + "'";
                throw new MappingException(where + ": \"" + name + "\" is not a valid name: it contains " + what
                        + " at position " + i + (i == 0 ? " (a name begins with a letter or _)" : "")
                        + "; use letters, digits, _ and $ only");
            }
        }
        return name;
    }

    /** {@code getPort} -> {@code port}, {@code isActive} -> {@code active}, {@code port} -> {@code port}. */
    public static String propertyOfAccessor(String methodName) {
        if (methodName.length() > 3 && methodName.startsWith("get") && Character.isUpperCase(methodName.charAt(3))) {
            return decapitalize(methodName.substring(3));
        }
        if (methodName.length() > 2 && methodName.startsWith("is") && Character.isUpperCase(methodName.charAt(2))) {
            return decapitalize(methodName.substring(2));
        }
        return methodName;
    }

    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
            return name; // "URL" stays "URL", as java.beans does
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * A hint naming the closest candidate ({@code "; did you mean 'hostname'?"}), or the list of
     * candidates when none is close. Never empty.
     */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wrong.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        if (best != null && bestDistance <= Math.max(2, wrong.length() / 3)) {
            return "; did you mean '" + best + "'?";
        }
        return "; known properties: " + String.join(", ", candidates);
    }

    /** Up to {@code limit} of {@code candidates}, the closest to {@code wrong} first (edit distance, ignoring case). */
    public static List<String> nearest(String wrong, Collection<String> candidates, int limit) {
        return candidates.stream()
                .sorted(java.util.Comparator.comparingInt(
                        (String candidate) -> distance(wrong.toLowerCase(), candidate.toLowerCase())))
                .limit(limit)
                .toList();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
