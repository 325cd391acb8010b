package ai.pace42.telegram;

import ai.pace42.bot.channel.ActivityFiles;
import java.io.IOException;
import java.net.URI;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Downloads a user's file: getFile for its path, then {@code <base>/file/bot<token>/<path>} on the same
 * configurable base URL (the library's own download always uses api.telegram.org, which would escape tests and
 * self-hosted Bot API servers).
 */
final class TelegramFiles {

    private final TelegramClient client;
    private final OkHttpClient http;
    private final URI base;
    private final String token;

    TelegramFiles(TelegramClient client, OkHttpClient http, URI base, String token) {
        this.client = client;
        this.http = http;
        this.base = base;
        this.token = token;
    }

    byte[] download(String fileId, long maxBytes) throws IOException {
        File file;
        try {
            file = client.execute(new GetFile(fileId));
        } catch (TelegramApiException e) {
            throw new IOException("getFile failed", e);
        }
        if (file == null || file.getFilePath() == null) {
            throw new IOException("getFile returned no file_path");
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw new IOException("file larger than " + maxBytes + " bytes");
        }
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        Request request = new Request.Builder().url(root + "file/bot" + token + "/" + file.getFilePath()).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            return ActivityFiles.readDownload(response.code(), body == null ? null : body.byteStream(), maxBytes);
        }
    }
}
