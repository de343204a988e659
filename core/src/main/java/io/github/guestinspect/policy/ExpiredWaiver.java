package io.github.guestinspect.policy;

/**
 * A waiver past its date, found on an image it would have covered: it no longer applies, and says so.
 *
 * @param ruleId the rule it belongs to
 * @param image  the image it matched
 * @param waiver the waiver
 */
public record ExpiredWaiver(String ruleId, String image, Waiver waiver) {
}
