package org.kohsuke.stapler.bind;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Mirror of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/bind/JavaScriptMethod.java (stapler 2107.v8dfcb_e8ed317). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JavaScriptMethod {
    String[] name() default {};
}
