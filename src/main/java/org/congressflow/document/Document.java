package org.congressflow.document;

import java.time.Instant;

/** One version of a submitted file, as the document register keeps it (without its content). */
public record Document(long id, String campaignId, String organisationId, String processInstanceId, String step,
    String variable, String label, int version, String fileName, String mimeType, long sizeBytes, String sha256,
    String uploadedBy, Instant uploadedAt) {}
