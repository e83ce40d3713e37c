package io.omniroute.adapters.email;

/**
 * What is known of one attachment of a mail: never its content. Immutable.
 *
 * @param name the file name the sender gave it ({@code attachment} when it gave none)
 * @param type its media type without parameters, such as {@code application/pdf}
 * @param size its decoded size in bytes
 */
public record Attachment(String name, String type, long size) {}
