enum Color { Red, Green = 5, Blue }
enum Dir { Up = 'UP', Down = 'DOWN' }
console.log(Color.Red, Color.Green, Color.Blue, Color[6], Dir.Up);
namespace Geo { export const unit = 'm'; export function area(w: number, h: number) { return `${w * h}${unit}2`; } }
console.log(Geo.area(2, 3));
