package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void portsAreDistinctAcrossCallsAndBindable() throws Exception {
    int[] first = FreePorts.allocate(3);
    int[] second = FreePorts.allocate(3);
    int[] all = new int[] {first[0], first[1], first[2], second[0], second[1], second[2]};

    assertThat(Arrays.stream(all).distinct().count()).isEqualTo(6);
    for (int port : all) {
      try (ServerSocket socket = new ServerSocket(port, 1, FreePorts.LOOPBACK)) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void isListeningTellsAnOpenPortFromAClosedOne() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, FreePorts.LOOPBACK)) {
      assertThat(FreePorts.isListening(socket.getLocalPort())).isTrue();
    }
    assertThat(FreePorts.isListening(FreePorts.allocate(1)[0])).isFalse();
  }
}
