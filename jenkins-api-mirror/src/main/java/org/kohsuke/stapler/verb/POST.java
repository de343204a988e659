package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Mirror of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/verb/POST.java (stapler 2050.v425108fd5089, as core 2.541.3 bundles it).
 * Upstream also carries {@code @InterceptorAnnotation(value = HttpVerbInterceptor.class, stage = Stage.SELECTION)},
 * which only Stapler's request routing reads; left out here.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface POST {
}
