/**
 * The policy engine: golden-image rules read from YAML (packages forbidden or required with version constraints in
 * the image's own version semantics, allowed operating systems, files that must not exist or must be empty,
 * accounts with passwords, image size limits, waivers with an expiry), evaluated on inspection results, cached or
 * fresh, without touching the images again.
 */
package io.github.guestinspect.policy;
