/**
 * Software bills of materials: one CycloneDX 1.6 JSON document per image (the image a file component, each root an
 * operating system, each installed package a library with a package URL), written by the CycloneDX Java library.
 */
package io.github.guestinspect.report.sbom;
