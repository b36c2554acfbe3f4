package dev.keda4j.controller.scaling;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import java.util.Optional;

/**
 * The scaler of one trigger, or why it could not be built.
 *
 * @param index the trigger's index
 * @param context what it was built from (never printed with values)
 * @param scaler the scaler when built
 * @param error the build error (no secret values) when not built
 */
public record TriggerScaler(
    int index, ScalerContext context, Optional<Scaler> scaler, Optional<String> error) {

  static TriggerScaler built(int index, ScalerContext ctx, Scaler s) {
    return new TriggerScaler(index, ctx, Optional.of(s), Optional.empty());
  }

  static TriggerScaler failed(int index, ScalerContext ctx, String error) {
    return new TriggerScaler(index, ctx, Optional.empty(), Optional.of(error));
  }

  public String triggerType() {
    return context.triggerType();
  }
}
