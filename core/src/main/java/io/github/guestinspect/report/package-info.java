/**
 * Report exporters: turn inspection results into JSON and text. Everything from an image is untrusted and is
 * escaped for the medium it is written to.
 */
package io.github.guestinspect.report;
