package org.kohsuke.stapler;

/**
 * Mirror of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerProxy.java (stapler 2107.v8dfcb_e8ed317;
 * identical in 2050.v425108fd5089, which core 2.541.3 bundles).
 */
public interface StaplerProxy {
    Object getTarget();
}
