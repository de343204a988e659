/**
 * What the human-facing reports share: the phases an image's time is spent in, their labels and chart colours.
 */
package io.github.guestinspect.report.figures;
