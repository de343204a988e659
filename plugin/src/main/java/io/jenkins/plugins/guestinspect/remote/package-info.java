/**
 * What crosses the remoting channel, and the work done on the far side of it, free of Jenkins: preparing the images
 * where the workspace is (hashing, the workspace cache, the qemu-img checks), storing results back into that cache,
 * and running one appliance batch on an agent. Payloads travel as Smile bytes or as the plugin's own plain classes,
 * because remoting's class filter rejects the engine's classes (a third-party jar of the plugin).
 */
package io.jenkins.plugins.guestinspect.remote;
