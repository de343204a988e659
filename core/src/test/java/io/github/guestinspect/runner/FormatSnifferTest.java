package io.github.guestinspect.runner;

import io.github.guestinspect.testing.RequiredTools;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.model.DiskFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatSnifferTest {
    @TempDir
    Path directory;

    private Path file(final String name, final byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    private static byte[] withPrefix(final byte[] prefix, final int size) {
        return Arrays.copyOf(prefix, Math.max(size, prefix.length));
    }

    private static byte[] ascii(final String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] vdiHeader(final boolean withSignature) {
        byte[] header = withPrefix(ascii("<<< Oracle VM VirtualBox Disk Image >>>\n"), 512);
        if (withSignature) {
            header[64] = 0x7f;
            header[65] = 0x10;
            header[66] = (byte) 0xda;
            header[67] = (byte) 0xbe;
        }
        return header;
    }

    @Test
    void shouldRecognizeEveryFormatByItsMagic() throws IOException {
        assertThat(FormatSniffer.sniff(file("a", withPrefix(new byte[] {'Q', 'F', 'I', (byte) 0xfb, 0, 0, 0, 3}, 512))))
                .contains(DiskFormat.QCOW2);
        assertThat(FormatSniffer.sniff(file("b", withPrefix(ascii("KDMV"), 512)))).contains(DiskFormat.VMDK);
        assertThat(FormatSniffer.sniff(file("c", ascii("# Disk DescriptorFile\nversion=1\n"))))
                .contains(DiskFormat.VMDK);
        assertThat(FormatSniffer.sniff(file("d", withPrefix(ascii("vhdxfile"), 512)))).contains(DiskFormat.VHDX);
        assertThat(FormatSniffer.sniff(file("e", withPrefix(ascii("conectix"), 512)))).contains(DiskFormat.VPC);
        assertThat(FormatSniffer.sniff(file("f", vdiHeader(true)))).contains(DiskFormat.VDI);
    }

    @Test
    void shouldTreatFilesWithoutKnownMagicAsRaw() throws IOException {
        assertThat(FormatSniffer.sniff(file("empty", new byte[0]))).isEmpty();
        assertThat(FormatSniffer.sniff(file("zeros", new byte[1 << 16]))).isEmpty();
        assertThat(FormatSniffer.sniff(file("text", ascii("hello, world\n")))).isEmpty();
        assertThat(FormatSniffer.sniff(file("mbr", withPrefix(new byte[] {(byte) 0xeb, 0x63, (byte) 0x90}, 512))))
                .isEmpty();
    }

    @Test
    void shouldRequireTheWholeMagic() throws IOException {
        assertThat(FormatSniffer.sniff(file("qf", new byte[] {'Q', 'F', 'I'}))).isEmpty();
        assertThat(FormatSniffer.sniff(file("qfi", withPrefix(ascii("QFI?"), 512)))).isEmpty();
        assertThat(FormatSniffer.sniff(file("kdm", ascii("KDM")))).isEmpty();
        assertThat(FormatSniffer.sniff(file("vhdx", ascii("vhdxfil")))).isEmpty();
        assertThat(FormatSniffer.sniff(file("vpc", ascii("conecti")))).isEmpty();
        assertThat(FormatSniffer.sniff(file("desc", ascii("# Disk Descriptor")))).isEmpty();
        assertThat(FormatSniffer.sniff(file("lower", withPrefix(ascii("kdmv"), 512)))).isEmpty();
    }

    @Test
    void shouldOnlyLookAtTheStartOfTheFile() throws IOException {
        byte[] content = new byte[4096];
        System.arraycopy(ascii("conectix"), 0, content, 4096 - 512, 8); // a fixed VHD has its footer at the end

        assertThat(FormatSniffer.sniff(file("fixed.vhd", content))).isEmpty();
        byte[] shifted = withPrefix(new byte[] {' ', 'Q', 'F', 'I', (byte) 0xfb}, 512);

        assertThat(FormatSniffer.sniff(file("shifted", shifted))).isEmpty();
    }

    @Test
    void shouldRequireTheVdiSignatureAfterTheBanner() throws IOException {
        assertThat(FormatSniffer.sniff(file("no-signature", vdiHeader(false)))).isEmpty();
        assertThat(FormatSniffer.sniff(file("cut", Arrays.copyOf(vdiHeader(true), 66)))).isEmpty();
        assertThat(FormatSniffer.sniff(file("exact", Arrays.copyOf(vdiHeader(true), 68)))).contains(DiskFormat.VDI);
        assertThat(FormatSniffer.sniff(file("banner-only", ascii("<<< ")))).isEmpty();
    }

    @Test
    void shouldRecognizeAVmdkDescriptorOnlyByItsText() throws IOException {
        assertThat(FormatSniffer.isVmdkDescriptor(file("desc.vmdk", ascii("# Disk DescriptorFile\nCID=fffffffe\n"))))
                .isTrue();
        assertThat(FormatSniffer.isVmdkDescriptor(file("sparse.vmdk", withPrefix(ascii("KDMV"), 512)))).isFalse();
        assertThat(FormatSniffer.isVmdkDescriptor(file("short.vmdk", ascii("# Disk")))).isFalse();
        assertThat(FormatSniffer.isVmdkDescriptor(file("empty.vmdk", new byte[0]))).isFalse();
    }

    @Test
    void shouldReportAMissingFile() {
        assertThatThrownBy(() -> FormatSniffer.sniff(directory.resolve("missing.qcow2")))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> FormatSniffer.isVmdkDescriptor(directory.resolve("missing.vmdk")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @ParameterizedTest(name = "qemu-img create -f {0} {1}")
    @CsvSource({
            "qcow2, compat=1.1",
            "qcow2, compat=0.10",
            "vmdk,  subformat=monolithicSparse",
            "vmdk,  subformat=streamOptimized",
            "vmdk,  subformat=monolithicFlat",
            "vmdk,  subformat=twoGbMaxExtentSparse",
            "vdi,   static=off",
            "vhdx,  subformat=dynamic",
            "vpc,   subformat=dynamic",
            "vpc,   subformat=fixed",
            "raw,   ''"
    })
    void shouldAgreeWithQemuImgOnImagesItCreated(final String format, final String options)
            throws IOException, InterruptedException {
        RequiredTools.require("apt-get install qemu-utils", "qemu-img");
        Path image = directory.resolve("image." + format);
        List<String> create = new ArrayList<>(List.of("qemu-img", "create", "-q", "-f", format));
        if (!options.isEmpty()) {
            create.addAll(List.of("-o", options));
        }
        create.addAll(List.of(image.toString(), "4M"));
        run(create);

        String probed = new ObjectMapper().readTree(run(List.of("qemu-img", "info", "--output=json",
                image.toString()))).path("format").asText();

        Optional<DiskFormat> sniffed = FormatSniffer.sniff(image);
        assertThat(sniffed.map(DiskFormat::qemuName).orElse("raw")).as("qemu-img says %s", probed)
                .isEqualTo(probed);
        assertThat(FormatSniffer.isVmdkDescriptor(image)).as("vmdk descriptor")
                .isEqualTo(options.equals("subformat=monolithicFlat")
                        || options.equals("subformat=twoGbMaxExtentSparse"));
    }

    private String run(final List<String> command) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile(directory, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(stderr.toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s failed: %s", command, Files.readString(stderr)).isZero();
        return new String(output, StandardCharsets.UTF_8);
    }

}
