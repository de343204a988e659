/**
 * The libguestfs runner: the only place that starts processes. It checks each image with qemu-img before any
 * appliance is launched, drives one {@code guestfish} process per batch of images over a delimited conversation,
 * reads each drive's operating systems itself (never through fstab, which in a multi-drive appliance points at
 * other images) and kills the whole process tree on time-out or interruption. Each run works in a directory named
 * after its process, so the next run can kill and delete what a run killed with SIGKILL left behind.
 */
package io.github.guestinspect.runner;
