package io.jenkins.plugins.guestinspect;

import java.util.Optional;

import hudson.util.FormValidation;

/** Turns the Jenkins-free checks of {@code Validation} into form validation answers. */
final class FormValidations {
    private FormValidations() {
    }

    static FormValidation of(final Optional<String> error) {
        return error.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
