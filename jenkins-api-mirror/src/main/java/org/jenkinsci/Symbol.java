package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * Mirror of jenkinsci/structs-plugin annotation/src/main/java/org/jenkinsci/Symbol.java
 * (org.jenkins-ci:symbol-annotation 1.25, used by structs 362.va_b_695ef4fdf9).
 */
@Indexed
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
