/**
 * Batching and scheduling: checks every image first, packs the good ones into appliance batches, runs several
 * appliances at once through {@link io.github.guestinspect.batch.BatchWorker}s, retries the images of a failed
 * batch one by one, and turns everything into one {@link io.github.guestinspect.model.InspectionResult} per image.
 */
package io.github.guestinspect.batch;
