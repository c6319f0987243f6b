/**
 * Walkaway's own Phaser entry: only the parts of Phaser 4 the game uses, built from Phaser's CommonJS
 * sources (node_modules/phaser/src). `import Phaser from 'phaser'` resolves here in the dev server, the
 * production build and the tests (scripts/vite/custom-phaser.ts); TypeScript still reads the types of
 * the real package, so anything the game starts using at runtime must be added here too.
 *
 * Kept: WebGL renderer (no Canvas renderer), scenes, scale manager, cameras, input (pointer, mouse,
 * touch, keyboard), tweens, timer events, and the Text, Graphics, Container, Zone, Arc (circle) and
 * Triangle game objects with their `this.add.*` factories. Left out: sound (Howler plays the audio),
 * the loader scene plugin (nothing calls `this.load`), physics, tilemaps, particles, lights, the data
 * manager plugin, gamepads, and the factories of every other game object (`this.add.sprite`,
 * `this.add.rectangle`, ... are undefined here even though TypeScript accepts them).
 *
 * Build-time flags (typeof CANVAS_RENDERER and so on) are set by scripts/vite/custom-phaser.ts. The
 * dev server bundles this file once per start (its dependency optimizer): restart it after an edit.
 */

import '../../../node_modules/phaser/src/polyfills/requestVideoFrame.js';

import CONST from '../../../node_modules/phaser/src/const.js';
// Keep this first. The renderer index and its render nodes require each other in a cycle
// (BatchHandler requires the index); if a render node is loaded before the index, a node that
// extends BatchHandler gets a half-built module and the game fails at load time.
import Renderer from '../../../node_modules/phaser/src/renderer/index.js';
import Class from '../../../node_modules/phaser/src/utils/Class.js';
import Game from '../../../node_modules/phaser/src/core/Game.js';
import Scene from '../../../node_modules/phaser/src/scene/Scene.js';
import Scenes from '../../../node_modules/phaser/src/scene/index.js';
import Scale from '../../../node_modules/phaser/src/scale/index.js';
import BlendModes from '../../../node_modules/phaser/src/renderer/BlendModes.js';
import ScaleModes from '../../../node_modules/phaser/src/renderer/ScaleModes.js';
import EventEmitter from '../../../node_modules/phaser/src/events/EventEmitter.js';

// Core scene plugins (they register themselves with the PluginCache when loaded).
import CameraManager from '../../../node_modules/phaser/src/cameras/2d/CameraManager.js';
import Camera from '../../../node_modules/phaser/src/cameras/2d/Camera.js';
import CameraEvents from '../../../node_modules/phaser/src/cameras/2d/events/index.js';
import GameObjectCreator from '../../../node_modules/phaser/src/gameobjects/GameObjectCreator.js';
import GameObjectFactory from '../../../node_modules/phaser/src/gameobjects/GameObjectFactory.js';
import DisplayList from '../../../node_modules/phaser/src/gameobjects/DisplayList.js';
import UpdateList from '../../../node_modules/phaser/src/gameobjects/UpdateList.js';

// Default scene plugins the game uses: this.time, this.input (+ keyboard), this.tweens.
import Clock from '../../../node_modules/phaser/src/time/Clock.js';
import TimerEvent from '../../../node_modules/phaser/src/time/TimerEvent.js';
import TimeEvents from '../../../node_modules/phaser/src/time/events/index.js';
import InputPlugin from '../../../node_modules/phaser/src/input/InputPlugin.js';
import InputEvents from '../../../node_modules/phaser/src/input/events/index.js';
import InputManager from '../../../node_modules/phaser/src/input/InputManager.js';
import Pointer from '../../../node_modules/phaser/src/input/Pointer.js';
import KeyboardPlugin from '../../../node_modules/phaser/src/input/keyboard/KeyboardPlugin.js';
import KeyCodes from '../../../node_modules/phaser/src/input/keyboard/keys/KeyCodes.js';
import TweenManager from '../../../node_modules/phaser/src/tweens/TweenManager.js';
import Tween from '../../../node_modules/phaser/src/tweens/tween/Tween.js';
import TweenEvents from '../../../node_modules/phaser/src/tweens/events/index.js';

// Game objects and their this.add.* factories (each factory registers itself on load).
import GameObject from '../../../node_modules/phaser/src/gameobjects/GameObject.js';
import GameObjectEvents from '../../../node_modules/phaser/src/gameobjects/events/index.js';
import Text from '../../../node_modules/phaser/src/gameobjects/text/Text.js';
import TextStyle from '../../../node_modules/phaser/src/gameobjects/text/TextStyle.js';
import Graphics from '../../../node_modules/phaser/src/gameobjects/graphics/Graphics.js';
import Container from '../../../node_modules/phaser/src/gameobjects/container/Container.js';
import Zone from '../../../node_modules/phaser/src/gameobjects/zone/Zone.js';
import Shape from '../../../node_modules/phaser/src/gameobjects/shape/Shape.js';
import Arc from '../../../node_modules/phaser/src/gameobjects/shape/arc/Arc.js';
import Triangle from '../../../node_modules/phaser/src/gameobjects/shape/triangle/Triangle.js';
import '../../../node_modules/phaser/src/gameobjects/text/TextFactory.js';
import '../../../node_modules/phaser/src/gameobjects/graphics/GraphicsFactory.js';
import '../../../node_modules/phaser/src/gameobjects/container/ContainerFactory.js';
import '../../../node_modules/phaser/src/gameobjects/zone/ZoneFactory.js';
import '../../../node_modules/phaser/src/gameobjects/shape/arc/ArcFactory.js';
import '../../../node_modules/phaser/src/gameobjects/shape/triangle/TriangleFactory.js';

const Phaser = {
  ...CONST,
  BlendModes,
  Cameras: { Scene2D: { Camera, CameraManager, Events: CameraEvents } },
  Class,
  Events: { EventEmitter },
  Game,
  GameObjects: {
    Arc,
    Container,
    DisplayList,
    Events: GameObjectEvents,
    GameObject,
    GameObjectCreator,
    GameObjectFactory,
    Graphics,
    Shape,
    Text,
    TextStyle,
    Triangle,
    UpdateList,
    Zone,
  },
  Input: {
    Events: InputEvents,
    InputManager,
    InputPlugin,
    Keyboard: { KeyboardPlugin, KeyCodes },
    Pointer,
  },
  Renderer,
  Scale,
  ScaleModes,
  Scene,
  Scenes,
  Time: { Clock, Events: TimeEvents, TimerEvent },
  Tweens: { Events: TweenEvents, Tween, TweenManager },
};

export default Phaser;
export { Game, Scene, Scenes, Scale };
export const { VERSION, AUTO, CANVAS, WEBGL, HEADLESS } = CONST;
