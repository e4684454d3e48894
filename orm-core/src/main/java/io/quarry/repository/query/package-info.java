/**
 * Not API. What the query packages share: the {@code MethodHandler} a proxy calls, a method's
 * parameters ({@code MethodParameters}) and result ({@code ResultShape}), generic type
 * resolution, value coercions and the helpers that shape rows into results. Public only for the
 * sibling packages {@code parse}, {@code projection}, {@code derived}, {@code handwritten} and
 * {@code io.quarry.repository.support}.
 */
package io.quarry.repository.query;
