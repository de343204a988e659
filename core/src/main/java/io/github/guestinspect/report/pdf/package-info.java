/**
 * The PDF report (Apache PDFBox): tables that run on over pages, vector charts, an embedded Unicode font.
 */
package io.github.guestinspect.report.pdf;
