package org.workrelief.supervision;

/** A photo of the site taken at the review; {@code content} is only loaded when the photo itself is shown. */
public record ReviewPhoto(long id, long reviewId, String fileName, String contentType, int size, byte[] content) {
}
