/**
 * The inspection model: immutable records describing what was found in a disk image.
 * Jackson-serializable (JSON for people, Smile for the cache); no behaviour beyond small derived values.
 */
package io.github.guestinspect.model;
