package dev.keda4j.conformance;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP server that misbehaves on purpose: it either never answers, or answers every chunk
 * it reads with fixed bytes (an auth rejection, garbage). Plain sockets on daemon threads, so any
 * client library can be pointed at it.
 */
final class FakeServer implements AutoCloseable {
  private final ServerSocket socket;
  private final byte[] reply;
  private final boolean closeAfterReply;
  private final boolean greets;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final StringBuffer received = new StringBuffer();
  private volatile boolean closed;

  private FakeServer(byte[] reply, boolean closeAfterReply, boolean greets) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.reply = reply == null ? null : reply.clone();
    this.closeAfterReply = closeAfterReply;
    this.greets = greets;
    Thread t = new Thread(this::acceptLoop, "fake-server-" + socket.getLocalPort());
    t.setDaemon(true);
    t.start();
  }

  /** Accepts connections, reads what arrives and never writes a byte. */
  static FakeServer silent() throws IOException {
    return new FakeServer(null, false, false);
  }

  /** Answers every chunk read with {@code reply}; closes afterwards when asked. */
  static FakeServer replying(byte[] reply, boolean closeAfterReply) throws IOException {
    return new FakeServer(reply, closeAfterReply, false);
  }

  /**
   * Writes {@code reply} on accepting, for protocols whose server speaks first, then as {@link
   * #replying}.
   */
  static FakeServer greeting(byte[] reply, boolean closeAfterReply) throws IOException {
    return new FakeServer(reply, closeAfterReply, true);
  }

  /** Answers {@code reply} the way {@code wire}'s servers speak. */
  static FakeServer replying(TriggerTable.Wire wire, byte[] reply) throws IOException {
    return wire.greets
        ? greeting(reply, wire.closeAfterReply)
        : replying(reply, wire.closeAfterReply);
  }

  /** Every byte the server has read so far, one char per byte. */
  String received() {
    return received.toString();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        accepted.add(s);
        Thread t = new Thread(() -> serve(s), "fake-conn-" + s.getPort());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    byte[] buf = new byte[8192];
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      if (greets && reply != null) {
        out.write(reply);
        out.flush();
        if (closeAfterReply) {
          return;
        }
      }
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        received.append(new String(buf, 0, n, ISO_8859_1));
        if (reply != null) {
          out.write(reply);
          out.flush();
          if (closeAfterReply) {
            return;
          }
        }
      }
    } catch (IOException e) {
      // the client went away: nothing to serve
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}
