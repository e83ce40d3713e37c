package io.omniroute.rules.directory;

/** An independent partner that owns customer relationships in one country. Immutable. */
public record Dealer(String id, String name, String country) {}
