package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * Mirror of jenkinsci/lib-symbol-annotation src/main/java/org/jenkinsci/Symbol.java
 * (symbol-annotation 1.25, as core 2.541.3 bundles it; structs 362.va_b_695ef4fdf9 uses core's).
 */
@Indexed
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
