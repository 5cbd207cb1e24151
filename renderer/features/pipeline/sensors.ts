import { startTransition } from 'react';
import {
  KeyboardSensor,
  PointerSensor,
  type KeyboardSensorProps,
  type PointerSensorProps,
  type SensorProps,
} from '@dnd-kit/core';

/**
 * dnd-kit's sensors, with the end of a drag handed to dnd-kit inside a React transition.
 *
 * A drop updates dnd-kit's state and the board's in one React batch. Called from the pointerup
 * (or keydown) listener, that batch is urgent: React renders it in a microtask, before RxDB's
 * promise chain has reached IndexedDB, so the move's write was issued only once the whole board
 * had re-rendered (10–15 ms here). As a transition, the same batch is rendered in a task of its
 * own and in slices: the drop handler starts the write, RxDB issues it to IndexedDB in the
 * microtasks that follow (about 1 ms after the release), and IndexedDB's callbacks run between
 * the render's slices. Nothing inconsistent is drawn meanwhile: until the render commits, the card
 * stays in the drag overlay, where it was released. (Ending in a plain task of its own instead
 * cost a frame: Chromium runs the frame that follows an input before other tasks.)
 */
function endInTransition<P extends SensorProps<unknown>>(props: P): P {
  const { onEnd } = props;
  return { ...props, onEnd: () => startTransition(onEnd) };
}

export class BoardPointerSensor extends PointerSensor {
  constructor(props: PointerSensorProps) {
    super(endInTransition(props));
  }
}

export class BoardKeyboardSensor extends KeyboardSensor {
  constructor(props: KeyboardSensorProps) {
    super(endInTransition(props));
  }
}
