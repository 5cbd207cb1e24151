import { startTransition } from 'react';
import { flushSync } from 'react-dom';
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

/**
 * A pointer move rendered in the frame it arrives in. Chromium hands pointer moves to the page at
 * the start of a frame; dnd-kit's update for one (the overlay's new position) would otherwise be
 * rendered by React in a task of its own after that frame, and ask for one more. A release that
 * comes while a frame is pending makes Chromium hold every other task of the page — IndexedDB's
 * callbacks for the move's write included — until that frame has been produced ("defer tasks
 * after input"), so the write waited for the paint and commit of the last move (about 3 ms).
 * Rendered at once, the move is drawn in its own frame: the frame after the release has nothing
 * left to draw and is skipped in well under a millisecond.
 */
function moveInSameFrame<P extends SensorProps<unknown>>(props: P): P {
  const { onMove } = props;
  return { ...props, onMove: (coordinates) => flushSync(() => onMove(coordinates)) };
}

export class BoardPointerSensor extends PointerSensor {
  constructor(props: PointerSensorProps) {
    super(moveInSameFrame(endInTransition(props)));
  }
}

export class BoardKeyboardSensor extends KeyboardSensor {
  constructor(props: KeyboardSensorProps) {
    super(endInTransition(props));
  }
}
