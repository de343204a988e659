package io.github.guestinspect.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.model.InspectionResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Encoding and decoding one real inspection result (about a thousand packages) with Smile, as the cache stores it,
 * against JSON, as the report writes it. The setup prints the encoded sizes; {@link CodecSizes} prints them alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class CodecBenchmark {
    /** The JSON report holding the real result; empty: the system property guestinspect.bench.report. */
    @Param("")
    public String report;

    @Param({"smile", "json", "json-compact"})
    public String format;

    private ObjectMapper mapper;
    private InspectionResult result;
    private byte[] encoded;

    @Setup
    public void setUp() throws IOException {
        result = RealResult.load(report);
        mapper = Codecs.mapper(format);
        encoded = mapper.writeValueAsBytes(result);
        InspectionResult decoded = mapper.readValue(encoded, InspectionResult.class);
        if (!decoded.equals(result)) {
            throw new IllegalStateException(format + " does not round-trip the result");
        }
        System.out.printf("%n[codec] %s: %d bytes for one result with %d packages%n", format, encoded.length,
                result.packageCount());
    }

    @Benchmark
    public byte[] encode() throws IOException {
        return mapper.writeValueAsBytes(result);
    }

    @Benchmark
    public InspectionResult decode() throws IOException {
        return mapper.readValue(encoded, InspectionResult.class);
    }
}
