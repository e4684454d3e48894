/**
 * Not API. Derived queries: {@code QueryCreator} checks a parsed method against the model and
 * renders every statement variant once through the {@code sql} layer; {@code DerivedQuery} picks
 * and runs one per call.
 */
package io.quarry.repository.query.derived;
