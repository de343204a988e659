/**
 * Content hashing of images: a SHA-256 tree hash over fixed-size chunks (hashed on all cores, so a large image costs
 * less than one core's SHA-256 speed allows), and a memo from file identity to hash so an unchanged image is never
 * read twice.
 */
package io.github.guestinspect.hash;
