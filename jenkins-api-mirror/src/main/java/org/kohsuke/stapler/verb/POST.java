package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Mirror of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/verb/POST.java (stapler 2107.v8dfcb_e8ed317).
 * Upstream also carries {@code @InterceptorAnnotation(value = HttpVerbInterceptor.class, stage = Stage.SELECTION)},
 * which only Stapler's request routing reads; left out here.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface POST {
}
