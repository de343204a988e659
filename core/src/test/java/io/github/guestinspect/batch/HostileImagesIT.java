package io.github.guestinspect.batch;

import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.model.FileType;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.policy.Violation;
import io.github.guestinspect.testing.HostileImages;
import io.github.guestinspect.testing.ManifestAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images whose content attacks the tool, inspected through real libguestfs in one appliance ({@link HostileImages}):
 * the facts must be exactly what the images hold, links must never be followed by the file rules nor lead the facts
 * to a secret, no name may hide a file or fail the other images, and 50,000 packages are listed.
 */
class HostileImagesIT {
    /** The home directories of hostile-text.qcow2 (scripts/lib/test-images.py, HOSTILE_HOMES), decoded. */
    private static final List<String> HOSTILE_HOMES = List.of("gi-line\nbreak", "gi-cr\rreturn",
            "gi-ctl-\u0001\u001b[31m-x", "gi-latin1-\u00e9t\u00e9", "gi-sp ace", "gi-'quote", "gi-back\\slash",
            "gi-\"dq", "gi-!bang;#x",
            "gi-forge\n*stdin*:1: forged\n*stdin*:2: forged\n*stdin*:3: forged\n*stdin*:40: forged");
    private static final int GUESTFISH_LINE = 8190;

    private static HostileImages hostile;

    @BeforeAll
    static void inspect() throws Exception {
        hostile = HostileImages.get();
        System.err.printf("hostile images: %d images inspected in %d ms%n", hostile.results().size(),
                hostile.inspectionMillis());
        hostile.results().forEach(result -> System.err.printf("  %s: %s, %d packages, timings %s%n",
                result.image().fileName(), result.status(), result.operatingSystems().stream()
                        .mapToInt(os -> os.packages().size()).sum(), result.timings()));
    }

    @Test
    void shouldReadEveryStringExactlyAsTheImageHoldsIt() {
        // the manifest decoded the same bytes independently: UTF-8 where a file is valid UTF-8, else Latin-1
        ManifestAssertions.assertMatchManifest(hostile.images(), hostile.results());
        OperatingSystem text = root("hostile-text.qcow2");
        assertThat(text.hostname()).startsWith("host<img src=x onerror=window.pwned=12>\u001b[31m")
                .endsWith("\u00ff\u00feend");
        assertThat(text.packages()).extracting(p -> p.name()).contains("<script>window.pwned=1</script>x",
                "gi-ctl-\u001b[31mred\u0007bell\u0008bs\u007fdel\u009bcsi-x", "gi-nul-\u0000-x", "gi-newline");
        assertThat(root("hostile-latin1.qcow2").packages()).extracting(p -> p.name() + " " + p.fullVersion())
                .contains("gi-latin1-\u00e9t\u00e9-x 1.0-\u009b31m-1");
    }

    @Test
    void shouldKeepAContinuationLineOutOfTheName() {
        assertThat(root("hostile-text.qcow2").packages()).filteredOn(p -> p.name().startsWith("gi-newline"))
                .singleElement().satisfies(p -> {
                    assertThat(p.name()).isEqualTo("gi-newline");
                    assertThat(p.fullVersion()).isEqualTo("9");
                });
    }

    @Test
    void shouldReportLinksAsLinksAndNeverFollowThem() {
        Map<String, FileType> facts = root("links.qcow2").files().stream()
                .collect(Collectors.toMap(FileFact::path, FileFact::type));

        assertThat(facts).containsEntry("/etc/machine-id", FileType.SYMLINK) // up past the root to itself
                .containsEntry("/root/.bash_history", FileType.SYMLINK) // to /etc/shadow
                .containsEntry("/etc/ssh/ssh_host_rsa_key", FileType.SYMLINK) // to a host path
                .containsEntry("/home/alice/.bash_history", FileType.SYMLINK) // up and into /root
                .containsEntry("/home/alice/.ssh/authorized_keys", FileType.REGULAR) // a real file, for contrast
                // /home/escape points up past the root: inside the image that is the image's own /, which has
                // neither /init nor /proc (the appliance's root has both)
                .containsEntry("/home/escape/init", FileType.MISSING)
                .containsEntry("/home/escape/proc/version", FileType.MISSING);
        assertThat(subjects("links.qcow2", "hygiene")).containsExactlyInAnyOrder(
                "/etc/machine-id (symbolic link, not followed)", "/root/.bash_history (symbolic link, not followed)",
                "/home/alice/.bash_history (symbolic link, not followed)",
                "/etc/ssh/ssh_host_rsa_key (symbolic link, not followed)", "/home/alice/.ssh/authorized_keys");
        assertThat(subjects("links.qcow2", "nothing-from-outside")).isEmpty();
    }

    @Test
    void shouldListFiftyThousandPackagesOfEachFormat() {
        for (String image : List.of("packages-50k.qcow2", "apk-50k.qcow2")) {
            InspectionResult result = hostile.result(image);
            assertThat(result.operatingSystems()).singleElement()
                    .satisfies(os -> assertThat(os.packages()).hasSize(50_000));
            assertThat(result.timings().packageListingMillis()).as(image + " package listing").isPositive();
        }
        assertThat(root("packages-50k.qcow2").packages()).extracting(p -> p.name())
                .doesNotContain("gi-removed-00999").isSorted();
    }

    @Test
    void shouldFindEveryFileWhateverItsNameHoldsAndCostTheOtherImagesNothing() {
        // every image of the batch inspected in the one appliance: no batch failure, no retry of each image alone
        assertThat(hostile.results()).allSatisfy(result -> {
            assertThat(result.status()).as(result.image().fileName()).isEqualTo(Status.INSPECTED);
            assertThat(result.timings().imagesInAppliance()).isEqualTo(hostile.results().size());
        });
        List<String> histories = HOSTILE_HOMES.stream().map(home -> "/home/" + home + "/.bash_history").toList();

        assertThat(root("hostile-text.qcow2").files()).filteredOn(fact -> histories.contains(fact.path()))
                .extracting(FileFact::type).hasSize(histories.size()).containsOnly(FileType.REGULAR);
        assertThat(subjects("hostile-text.qcow2", "hygiene")).containsAll(histories);
        assertThat(subjects("links.qcow2", "hygiene")).hasSize(5); // the image beside them, as it always was
    }

    @Test
    void shouldLookUpNamesLongerTogetherThanAGuestfishLineAndNeverRunOneAsACommand() {
        List<FileFact> leases = root("hostile-text.qcow2").files().stream()
                .filter(fact -> fact.path().startsWith("/var/lib/dhcp/!touch${IFS}")).toList();

        assertThat(leases).hasSize(60).allSatisfy(fact -> assertThat(fact.type()).isEqualTo(FileType.REGULAR));
        // the names alone, as lstatnslist takes them (one space between two), would not fit on one line
        assertThat(leases.stream().mapToInt(fact -> fact.path().length() - "/var/lib/dhcp/".length() + 1).sum())
                .isGreaterThan(GUESTFISH_LINE);
        // each name starts with "!touch${IFS}$GUEST_INSPECT_RUN.pwned;#": had guestfish cut a line before one, the
        // shell would have made that file beside the run's directory
        assertThat(hostile.leftovers()).noneMatch(name -> name.endsWith(".pwned"));
    }

    @Test
    void shouldNeverReadAFactFileThatLeadsToASecretOrToAPipeOrDevice() {
        OperatingSystem os = root("secret-links.qcow2");

        assertThat(os.hostname()).isEmpty();
        assertThat(os.distro()).isEqualTo("alpine"); // os-release read through its standard link to /usr/lib
        assertThat(os.productName()).isEqualTo("Alpine Linux v3.19 (linked)");
        assertThat(os.factNotes()).containsExactlyInAnyOrder(
                "/etc/hostname not read: it is a symbolic link to /etc/shadow, which holds password hashes",
                "/etc/HOSTNAME not read: it is a hard link of /etc/shadow, which holds password hashes",
                "/etc/fedora-release not read: it is a symbolic link to a file that not every user may read"
                        + " (mode 0600), as secrets are",
                "/etc/redhat-release not read: it is a named pipe, not a regular file",
                "/etc/centos-release not read: it is a block device, not a regular file",
                "/lib/apk/db/installed not read: it is a named pipe, not a regular file");
        // the apk database the distro suggests is a pipe: the dpkg database is read instead, and shadow for its
        // account names only
        assertThat(os.packageFormat()).isEqualTo("deb");
        assertThat(os.packages()).isNotEmpty();
        assertThat(os.accountsWithPassword()).containsExactly("root");
        HostileImages.assertHoldsNoSecret("the model", hostile.results().toString());
    }

    @Test
    void shouldLeaveNoTemporaryFileBehind() {
        assertThat(hostile.leftovers()).isEmpty();
    }

    private static OperatingSystem root(final String image) {
        return hostile.result(image).operatingSystems().get(0);
    }

    private static List<String> subjects(final String image, final String rule) {
        return hostile.evaluation().of(hostile.images().path(image).toString(), rule).stream()
                .map(Violation::subject).toList();
    }
}
