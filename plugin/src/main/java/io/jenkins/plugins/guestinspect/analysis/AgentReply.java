package io.jenkins.plugins.guestinspect.analysis;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ModelMapper;

/**
 * What the agent hands back: the results and the warnings of the run. It crosses the remoting channel as Smile
 * bytes ({@link #encode()}), because remoting's class filter rejects classes from third-party jars (the core's
 * records) on the controller side; a byte[] always passes.
 *
 * @param node     the node that inspected the images, as the agent knows itself (host name)
 * @param results  one result per image, in the order asked for
 * @param warnings what the engine and the cache warned about
 * @param millis   wall time of the run on the agent
 */
public record AgentReply(String node, List<InspectionResult> results, List<String> warnings, long millis) {
    private static final ObjectMapper SMILE = ModelMapper.forFactory(new SmileFactory());

    public AgentReply {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }

    public byte[] encode() throws IOException {
        return SMILE.writeValueAsBytes(this);
    }

    public static AgentReply decode(final byte[] bytes) throws IOException {
        return SMILE.readValue(bytes, AgentReply.class);
    }
}
