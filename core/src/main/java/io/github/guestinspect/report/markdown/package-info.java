/**
 * The Markdown report for pull requests, merge requests and wikis: tables, violations, changes and Mermaid charts
 * from a template with placeholders. Everything from an image is escaped so that it renders as inert text.
 */
package io.github.guestinspect.report.markdown;
