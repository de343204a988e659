package hudson;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/FilePath.java (jenkins-2.541.3): the members the plugin
 * uses. Upstream is a final class; Mockito's inline mock maker mocks it in unit tests.
 */
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    public FilePath(@CheckForNull VirtualChannel channel, @NonNull String remote) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public FilePath(@NonNull File localPath) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public FilePath(@NonNull FilePath base, @NonNull String rel) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @CheckForNull
    public FilePath getParent() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public FilePath[] list(final String includes) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public FilePath[] list(final String includes, final String excludes) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public List<FilePath> list() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public InputStream read() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public OutputStream write() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void write(final String content, final String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void copyFrom(InputStream in) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public long length() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public String getName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    /** Mirror of {@code FilePath.FileCallable}. */
    public void copyTo(FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void renameTo(final FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public @CheckForNull hudson.model.Computer toComputer() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
