package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedLocalStackIT {

  @Test
  void sharedStackIsStartedOnceAndSurvivesClose() {
    LocalStack first = LocalStack.shared();
    long kafkaPid = first.kafka().pid();
    first.close();

    LocalStack second = LocalStack.shared();

    assertThat(second).isSameAs(first);
    assertThat(second.kafka().pid()).isEqualTo(kafkaPid);
    assertThat(ProcessHandle.of(kafkaPid).filter(ProcessHandle::isAlive)).isPresent();
    assertThat(FreePorts.isListening(second.cassandra().port())).isTrue();
  }
}
