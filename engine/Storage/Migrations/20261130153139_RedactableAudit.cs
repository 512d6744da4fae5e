using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RedactableAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActorNameDigest",
                table: "Audit",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommentDigest",
                table: "Audit",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DetailDigest",
                table: "Audit",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Format",
                table: "Audit",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "RedactedAt",
                table: "Audit",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Salt",
                table: "Audit",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActorNameDigest",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "CommentDigest",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "DetailDigest",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "RedactedAt",
                table: "Audit");

            migrationBuilder.DropColumn(
                name: "Salt",
                table: "Audit");
        }
    }
}
