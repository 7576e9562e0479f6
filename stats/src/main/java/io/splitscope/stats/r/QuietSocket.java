package io.splitscope.stats.r;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The socket of one Rserve session, made safe for the Rserve Java client 1.8.1.
 *
 * <p>The client's protocol layer ({@code RTalk}) reads a response with {@code got += read(...)}
 * until it has the announced length — a stream that ends (R killed mid-response) would make it
 * loop forever — and it catches every {@link IOException}, prints its stack trace and returns
 * nothing. This socket's input stream therefore reads exactly the requested number of bytes or
 * throws, and it throws a {@link ConnectionLost} that prints nothing; the cause (a read time-out,
 * a reset, the end of the stream) is kept in {@link #failure()} for the error message.
 */
final class QuietSocket extends Socket {

    private volatile IOException failure;
    private InputStream in;
    private OutputStream out;

    /** The I/O failure that ended this session, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        return in != null ? in : (in = new ExactInput(super.getInputStream()));
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        return out != null ? out : (out = new ReportingOutput(super.getOutputStream()));
    }

    /** Reads exactly the bytes asked for, or throws a {@link ConnectionLost}. */
    private final class ExactInput extends FilterInputStream {

        ExactInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            read(one, 0, 1);
            return one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int got = 0;
            try {
                while (got < len) {
                    int n = super.read(b, off + got, len - got);
                    if (n < 0) {
                        throw lost(new IOException("the connection was closed by R"));
                    }
                    got += n;
                }
                return got;
            } catch (ConnectionLost e) {
                throw e;
            } catch (IOException e) {
                throw lost(e);
            }
        }
    }

    /** Writes through, turning a failure into a {@link ConnectionLost}. */
    private final class ReportingOutput extends FilterOutputStream {

        ReportingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw lost(e);
            }
        }
    }

    private ConnectionLost lost(IOException cause) {
        if (failure == null) {
            failure = cause;
        }
        return new ConnectionLost(cause);
    }

    /** An I/O failure that the Rserve client may print: it prints nothing and has no stack trace. */
    static final class ConnectionLost extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectionLost(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public void printStackTrace() {
            // The Rserve client prints what it catches; the runtime reports the failure instead.
        }
    }
}
