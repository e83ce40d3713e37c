package io.omniroute.engine.customer;

import io.omniroute.engine.EngineException;

/**
 * No customer of that id or identity that the caller may see. A caller restricted to its own
 * customers gets this for anybody else's too, so it cannot tell theirs from an unknown one.
 */
public final class CustomerNotFoundException extends EngineException {
  CustomerNotFoundException(String what) {
    super("no customer " + what);
  }
}
