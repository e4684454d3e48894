package io.quarry.spring.boot.scan;

/** A class without {@code @Entity}: scanning skips it. */
public class NotAnEntity {
}
