package org.kohsuke.stapler;

/**
 * Mirror of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerProxy.java (stapler 2050.v425108fd5089, as core 2.541.3 bundles it).
 */
public interface StaplerProxy {
    Object getTarget();
}
