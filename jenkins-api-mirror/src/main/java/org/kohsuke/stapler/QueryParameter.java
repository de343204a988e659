package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Mirror of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/QueryParameter.java (stapler 2050.v425108fd5089, as core 2.541.3 bundles it).
 * Upstream also carries {@code @InjectedParameter(QueryParameter.HandlerImpl.class)}, Stapler's runtime binding
 * hook; the mirror leaves it out (nothing here injects parameters).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface QueryParameter {
    String value() default "";

    boolean required() default false;

    boolean fixEmpty() default false;
}
