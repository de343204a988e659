package io.github.guestinspect.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceNamesTest {
    private static final String DRIVE = "/dev/sdc";

    @ParameterizedTest(name = "{0} belongs to /dev/sdc")
    @ValueSource(strings = {"/dev/sdc", "/dev/sdc1", "/dev/sdc2", "/dev/sdc15", "/dev/sdc128"})
    void shouldRecognizeTheDriveAndItsPartitions(final String device) {
        assertThat(DeviceNames.belongsTo(device, DRIVE)).isTrue();
    }

    @ParameterizedTest(name = "{0} does not belong to /dev/sdc")
    @ValueSource(strings = {"/dev/sdca", "/dev/sdca1", "/dev/sdcz9", "/dev/sdb", "/dev/sdb1", "/dev/sd",
            "/dev/sdc1a", "/dev/sdcp1", "/dev/vg/root", "/dev/sdc-1", "/dev/sdc/1", "", "/dev/sdc "})
    void shouldNotClaimOtherDevices(final String device) {
        assertThat(DeviceNames.belongsTo(device, DRIVE)).isFalse();
    }

    @Test
    void shouldNotTreatALongerDriveNameAsAPartition() {
        assertThat(DeviceNames.belongsTo("/dev/sdaa1", "/dev/sda")).isFalse();
        assertThat(DeviceNames.belongsTo("/dev/sdaa", "/dev/sda")).isFalse();
        assertThat(DeviceNames.belongsTo("/dev/sdaa1", "/dev/sdaa")).isTrue();
    }

    @ParameterizedTest(name = "{0} on drive {1} -> {2}")
    @CsvSource({
            "/dev/sdc,      /dev/sdc,  /dev/sda",
            "/dev/sdc3,     /dev/sdc,  /dev/sda3",
            "/dev/sdab12,   /dev/sdab, /dev/sda12",
            "/dev/sda1,     /dev/sda,  /dev/sda1",
            "/dev/sdca1,    /dev/sdc,  /dev/sdca1",
            "/dev/sdb1,     /dev/sdc,  /dev/sdb1",
            "/dev/vg/root,  /dev/sdc,  /dev/vg/root",
            "/dev/md127,    /dev/sdc,  /dev/md127"
    })
    void shouldNameDevicesAsIfTheImageWereTheFirstDisk(final String device, final String drive,
                                                       final String normalized) {
        assertThat(DeviceNames.normalize(device, drive)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "fstab {0} -> {1}")
    @CsvSource({
            "/dev/vda2,   /dev/sdc2",
            "/dev/sda1,   /dev/sdc1",
            "/dev/hda3,   /dev/sdc3",
            "/dev/xvda1,  /dev/sdc1",
            "/dev/sda,    /dev/sdc",
            "/dev/vda,    /dev/sdc",
            "/dev/sda10,  /dev/sdc10"
    })
    void shouldMapTheGuestsFirstDiskToTheDrive(final String fstabDevice, final String appliance) {
        assertThat(DeviceNames.guestDiskToAppliance(fstabDevice, DRIVE)).contains(appliance);
    }

    @ParameterizedTest(name = "fstab {0} is not part of the image")
    @ValueSource(strings = {"/dev/sdb1", "/dev/vdb", "/dev/xvdc2", "/dev/hdd1", "/dev/sdaa1", "/dev/sdba",
            "/dev/mapper/vg-root", "/dev/vg/root", "UUID=1234-ABCD", "LABEL=root", "/dev/nvme0n1p1", "/dev/sda1x",
            "/dev/sd1", "dev/sda1", "/dev/sda1/", "/dev/SDA1", "/dev/md0", "tmpfs", ""})
    void shouldNotMapOtherDevices(final String fstabDevice) {
        assertThat(DeviceNames.guestDiskToAppliance(fstabDevice, DRIVE)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/dev/mapper/my--vg-root,         /dev/my-vg/root",
            "/dev/mapper/rhel-root,           /dev/rhel/root",
            "/dev/mapper/vg-lv--data,         /dev/vg/lv-data",
            "/dev/mapper/a--b--c-d--e,        /dev/a-b-c/d-e",
            "/dev/mapper/vg---lv,             /dev/vg-/lv",
            "/dev/mapper/ubuntu--vg-ubuntu--lv, /dev/ubuntu-vg/ubuntu-lv"
    })
    void shouldTranslateMapperNamesToVolumeGroupPaths(final String mapper, final String lvm) {
        assertThat(DeviceNames.fromMapper(mapper)).isEqualTo(lvm);
    }

    @ParameterizedTest(name = "{0} stays as it is")
    @ValueSource(strings = {"/dev/mapper/control", "/dev/mapper/luks--root", "/dev/mapper/cryptswap",
            "/dev/sda1", "/dev/vg/root", "UUID=1234-ab-cd", "/dev/mapperx/vg-lv", "mapper/vg-lv", ""})
    void shouldKeepDevicesThatAreNoVolumeGroupMapping(final String device) {
        assertThat(DeviceNames.fromMapper(device)).isEqualTo(device);
    }

    @Test
    void shouldStartLabelsAtTheFirstLetter() {
        assertThat(DeviceNames.label(0)).endsWith("a");
        assertThat(DeviceNames.label(1)).endsWith("b");
        assertThat(DeviceNames.label(25)).endsWith("z");
    }

    @Test
    void shouldWriteLabelsWithLettersOnlyAndKeepThemDistinct() {
        Set<String> labels = new HashSet<>();
        for (int index = 0; index <= 1000; index++) {
            String label = DeviceNames.label(index);

            assertThat(label).as("label %d", index).matches("[a-z]+");
            assertThat(labels.add(label)).as("label %d (%s) is new", index, label).isTrue();
        }
        assertThat(labels).hasSize(1001);
    }

    @Test
    void shouldKeepLabelsShortEnoughForLibguestfs() {
        // libguestfs rejects labels longer than 20 letters ("label parameter is empty, too long, or contains
        // disallowed characters"), so even the largest index must stay within that
        assertThat(DeviceNames.label(Integer.MAX_VALUE)).hasSizeLessThanOrEqualTo(20);
    }
}
