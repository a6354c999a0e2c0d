class Point { constructor(public x: number, public y: number) {} }
class Empty {}
console.log(new Point(1, 2), new Empty(), [new Point(3, 4)]);
console.log(Point, function named() {}, () => 1);
console.log(new Map([[new Point(0, 0), 'origin']]));
