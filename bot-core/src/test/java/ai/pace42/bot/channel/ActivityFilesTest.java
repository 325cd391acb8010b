package ai.pace42.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActivityFilesTest {

    @Test
    void fitGpxAndTcxAreActivityFilesInAnyCase() {
        assertThat(ActivityFiles.isActivityFile("Morning_Run.FIT")).isTrue();
        assertThat(ActivityFiles.isActivityFile("route.gpx")).isTrue();
        assertThat(ActivityFiles.isActivityFile("export.tcx")).isTrue();
        assertThat(ActivityFiles.isActivityFile("12129115726.ZIP")).isTrue();
        assertThat(ActivityFiles.isActivityFile("photo.jpg")).isFalse();
        assertThat(ActivityFiles.isActivityFile("fit")).isFalse();
        assertThat(ActivityFiles.isActivityFile("run.fit.gz")).isFalse();
        assertThat(ActivityFiles.isActivityFile(null)).isFalse();
    }

    @Test
    void thePlatformsMediaTypeWinsElseTheUsualOneForTheExtension() {
        assertThat(ActivityFiles.mediaType("a.fit", "application/octet-stream")).isEqualTo("application/octet-stream");
        assertThat(ActivityFiles.mediaType("a.gpx", "")).isEqualTo("application/gpx+xml");
        assertThat(ActivityFiles.mediaType("a.TCX", null)).isEqualTo("application/vnd.garmin.tcx+xml");
        assertThat(ActivityFiles.mediaType("a.zip", null)).isEqualTo("application/zip");
        assertThat(ActivityFiles.mediaType("a.fit", null)).isEqualTo("application/vnd.ant.fit");
    }

    @Test
    void aDownloadIsRefusedOnceItPassesTheLimit() throws Exception {
        byte[] small = ActivityFiles.readAtMost(new java.io.ByteArrayInputStream(new byte[100]), 100);
        assertThat(small).hasSize(100);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ActivityFiles.readAtMost(
                        new java.io.ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("larger than 100 bytes");
    }

    @Test
    void aRefusedDownloadNamesOnlyItsStatus() throws Exception {
        assertThat(ActivityFiles.readDownload(200, new java.io.ByteArrayInputStream(new byte[7]), 100)).hasSize(7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ActivityFiles.readDownload(403,
                        new java.io.ByteArrayInputStream("https://files.example/bot123:SECRET/x".getBytes()), 100))
                .isInstanceOf(java.io.IOException.class).hasMessage("file download failed with HTTP 403");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ActivityFiles.readDownload(200, null, 100))
                .hasMessage("file download failed with HTTP 200");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ActivityFiles.readDownload(200,
                        new java.io.ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(ActivityFiles.TooLarge.class);
    }
}
