/**
 * Spreading appliance batches over Jenkins agents: executors are taken the way the {@code node} step takes them,
 * through the build queue ({@link io.jenkins.plugins.guestinspect.agents.SlotTask}, one light task per slot with the
 * step's label), so capacity is counted, busy agents are respected, clouds can provision and an aborted build
 * cancels them; each granted executor becomes an agent of core's scheduler ({@link
 * io.jenkins.plugins.guestinspect.agents.NodeAgent}), which ships the images there and runs the batch through the
 * agent's channel. The scheduling itself is core's; this package only adapts it to Jenkins.
 */
package io.jenkins.plugins.guestinspect.agents;
