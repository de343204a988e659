/**
 * The HTML report: one self-contained file rendered through a template ({@code report.html}, which a user may
 * replace), with ECharts, styles and script inline. Text from images is escaped, data for the script travels as
 * script-safe JSON, and a Content-Security-Policy lets only the file's own nonce-carrying elements run.
 */
package io.github.guestinspect.report.html;
