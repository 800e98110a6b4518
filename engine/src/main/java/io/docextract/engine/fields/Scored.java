package io.docextract.engine.fields;

/** A candidate with its features and the model's probability that it is the field's value. */
record Scored(Candidate candidate, double score, double[] features) {}
